export { type RoutingRequestInput, buildRoutingRequest } from "./build-routing-request.js";
export { checkRule, explainMatch, matchRule, type RuleFacts, type RuleVerdict } from "./explain-match.js";
export { ALTERNATIVE_TOPIC_CONFIDENCE, readRoutingTopic, routingTopic, type TopicReading, type TopicTurn, visitorTopicTurns } from "./routing-topic.js";
export { type BoostSignals, type PriorityBoostConfig, priorityBoost } from "./priority-boost.js";
