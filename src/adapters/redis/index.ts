export { type CommandEnvelope, type CommandReply, RedisCommandBus } from "./command-bus.js";
export { PresenceRegistry, type SocketOwner } from "./presence-registry.js";
