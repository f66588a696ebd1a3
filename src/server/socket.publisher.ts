import type { Server } from "socket.io";
import type { Audience, Publisher } from "../ports/index.js";

export const room = {
  conversation: (id: string) => `c:${id}`,
  agent: (id: string) => `a:${id}`,
  team: (id: string) => `t:${id}`,
  admins: "admins",
} as const;

/** Publishes to socket.io rooms: visitors in /visitor, agents in /agent. */
export class SocketPublisher implements Publisher {
  private io: Server | null = null;

  attach(io: Server): void {
    this.io = io;
  }

  publish(audience: Audience, event: string, payload: unknown): void {
    const io = this.io;
    if (io === null) return;
    switch (audience.kind) {
      case "conversation":
        io.of("/visitor").to(room.conversation(audience.conversationId)).emit(event, payload);
        // Admins and agents watching a conversation's messages get them through their own rooms.
        return;
      case "agent":
        io.of("/agent").to(room.agent(audience.agentId)).emit(event, payload);
        return;
      case "team":
        io.of("/agent").to(room.team(audience.team)).emit(event, payload);
        return;
      case "admins":
        io.of("/agent").to(room.admins).emit(event, payload);
        return;
    }
  }
}
