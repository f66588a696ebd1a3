export { type RoutingRequestInput, buildRoutingRequest } from "./build-routing-request.js";
export { checkRule, explainMatch, matchRule, type RuleFacts, type RuleVerdict } from "./explain-match.js";
export { ALTERNATIVE_TOPIC_CONFIDENCE, routingTopic } from "./routing-topic.js";
