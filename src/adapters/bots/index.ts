export { BotDeliveryError, createHttpBotTransport, type HttpBotTransportOptions } from "./http-bot.transport.js";
