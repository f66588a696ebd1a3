/** Where a published event goes: one visitor's conversation, one agent, or every agent of a team. */
export type Audience =
  | { readonly kind: "conversation"; readonly conversationId: string }
  | { readonly kind: "agent"; readonly agentId: string }
  | { readonly kind: "team"; readonly team: string }
  | { readonly kind: "admins" };

/** Real-time fan-out to widgets and consoles. */
export interface Publisher {
  publish(audience: Audience, event: string, payload: unknown): void;
}
