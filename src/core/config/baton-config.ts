import type { RoutingRule, Team } from "../model.js";
import type { RouterOptions } from "../routing/types.js";
import type { TriggerConfig } from "../triggers/trigger-config.js";
import type { WaitConfig } from "../wait/wait-config.js";
import type { BotsConfig } from "./bots.schema.js";
import type { SecurityConfig } from "./security.schema.js";

/** Several nodes on one PostgreSQL and one Redis (see docs/ARCHITECTURE.md, "The cluster"). */
export interface ClusterConfig {
  /** "redis://host:6379/0": socket fan-out, router commands to the leader, presence heartbeats. */
  readonly redisUrl: string;
  /** Prefix of every Redis key and channel this deployment uses ("baton:"), so deployments can share one Redis. */
  readonly keyPrefix: string;
  /** How often a node says it is alive (1 s); a node silent for 3 beats is dead and its sockets' presence goes. */
  readonly heartbeatMs: number;
  /**
   * Entries kept in the socket.io stream, sized for connection-state recovery: a client back
   * within its 2-minute window on any node replays what it missed, if the stream still holds it.
   * 100,000 covers ~800 frames/s over the window.
   */
  readonly streamMaxLen: number;
  /** Router commands kept in the command stream (read from the last applied id after a failover). */
  readonly commandStreamMaxLen: number;
  /**
   * The router leader's lease (10 s): a leader whose lock session stays quiet this long (its host
   * died, or it lost PostgreSQL) has that session ended by another node, which takes over; a
   * leader whose heartbeat query goes unanswered for half of it stops routing.
   */
  readonly leaderLeaseMs: number;
}

/** SMTP for async replies. */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** TLS from the start (port 465); false uses STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user?: string | undefined;
  readonly pass?: string | undefined;
  /** Sender, e.g. "Acme Support <support@acme.example>". */
  readonly from: string;
}

/**
 * The whole config file (config/baton.yaml), parsed, defaulted and cross-checked by
 * `parseConfig`; environment overrides on top by `applyEnvOverrides`.
 */
export interface BatonConfig {
  readonly server: {
    /** 3000 by default. */
    readonly port: number;
    /** "127.0.0.1" by default; "0.0.0.0" to listen on every interface (containers). */
    readonly host: string;
    /** Where visitors and agents reach Baton; used in e-mail links and the widget snippet. */
    readonly publicUrl: string;
    /** Signs session tokens. null: the server makes a random one per process (sessions end on restart). */
    readonly sessionSecret: string | null;
    /**
     * Proxies that may say who the client is (X-Forwarded-For), for the per-address limits: false
     * (default: none), a hop count, or the proxies' addresses / CIDRs.
     */
    readonly trustProxy: false | number | readonly string[];
  };
  /** "sqlite:data/baton.db" by default; "postgres://..." for several nodes. */
  readonly storage: { readonly url: string };
  /**
   * Several nodes (null, the default: one node, no Redis). Needs PostgreSQL storage: the nodes
   * share the store, elect one router leader with an advisory lock, and fan out through Redis.
   */
  readonly cluster: ClusterConfig | null;
  /** null: async replies are logged, not mailed. */
  readonly smtp: SmtpConfig | null;
  readonly crm: { readonly webhookUrl: string | null };
  readonly router: RouterOptions;
  readonly triggers: TriggerConfig;
  /** Added to a rule's priority: negative sentiment (20 by default), VIP tiers (0 by default). */
  readonly priority: { readonly negativeSentimentBoost: number; readonly vipBoost: number };
  readonly wait: WaitConfig;
  /**
   * A transfer to a named colleague who is not online: "wait" for them (the chat goes to their
   * team after `fallbackToTeamAfterSeconds`), or "refuse" the transfer with a clear message.
   */
  readonly transfers: { readonly toOfflineAgent: "wait" | "refuse"; readonly fallbackToTeamAfterSeconds: number };
  readonly teams: readonly Team[];
  /** Ordered; first match wins; the last one is a catch-all. */
  readonly rules: readonly RoutingRule[];
  readonly bot: {
    readonly corpusFile: string;
    /** A chat the bot answered whose visitor then says nothing for this long is resolved by the bot (CSAT asked); 0 = off. */
    readonly resolveWhenIdleSeconds: number;
  };
  /** Which bot answers each site's visitors (built-in, an external bot, or none), and the external bots. */
  readonly bots: BotsConfig;
  /** Origins, identity proofs, token rotation and abuse limits. */
  readonly security: SecurityConfig;
  /** Rate limits: token buckets (a steady rate per second, and a burst) per socket and per address. */
  readonly limits: LimitsConfig;
  /** Machine translation between visitor and agent; provider "none" (the default) turns it off. */
  readonly translation: TranslationConfig;
}

export interface TranslationConfig {
  readonly provider: "none" | "apertium" | "libretranslate";
  readonly url: string | null;
  readonly apiKey: string | null;
  /** Each call to the translator; past it the message goes on untranslated (the agent sees the original). */
  readonly timeoutMs: number;
  readonly healthCheckSeconds: number;
}

/** A token bucket: holds up to `burst` tokens, refilled at `perSecond`; each action takes one. */
export interface BucketConfig {
  readonly perSecond: number;
  readonly burst: number;
}

export interface LimitsConfig {
  /** Every frame of one socket (visitor or agent). */
  readonly socketFrames: BucketConfig;
  /** Every visitor frame from one IP address (agents sign in, and are limited per socket only). */
  readonly ipFrames: BucketConfig;
  /** Visitor messages of one conversation. */
  readonly messages: BucketConfig;
  /** Typing signals of one conversation (or agent socket); they never touch the database. */
  readonly typing: BucketConfig;
  /** Socket connections (reconnects included) from one IP address; none for 2 s after a flooder from there was cut off. */
  readonly connections: BucketConfig;
  /** New visitor sessions from one IP address. */
  readonly sessions: BucketConfig;
  /** Messages left for the async inbox from one IP address. */
  readonly inboxItems: BucketConfig;
  /** Transcripts e-mailed on a visitor's request, from one IP address and for one conversation (each its own bucket). */
  readonly transcriptMails: BucketConfig;
  /** A socket refused this many frames in a row is disconnected (with a last "rate_limited" event). */
  readonly disconnectAfterRefused: number;
  /** How many sockets and addresses are tracked at once (least recently seen forgotten first): bounds memory. */
  readonly trackedKeys: number;
}
