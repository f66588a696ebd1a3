export {
  allowedEvents,
  CONVERSATION_EVENTS,
  type ConversationEvent,
  canTransition,
  nextState,
  TRANSITIONS,
  transition,
} from "./transition.js";
