export { cityOfTimeZone, friendlyName, type VisitorLabel, visitorLabel } from "./visitor-label.js";
