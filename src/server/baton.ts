import { readFile } from "node:fs/promises";
import type { AddressInfo, Socket } from "node:net";
import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { Server } from "socket.io";
import { createHttpBotTransport } from "../adapters/bots/index.js";
import { systemClock } from "../adapters/clock/index.js";
import { chainCrm, createContactsCrm, createWebhookCrm } from "../adapters/crm/index.js";
import { createMailer } from "../adapters/mail/index.js";
import { answerFor, createNlu, type CreateNluOptions } from "../adapters/nlu/index.js";
import { type OpenedStore, openStore } from "../adapters/storage/index.js";
import { createTranslator } from "../adapters/translate/index.js";
import { type AppLogger, decideUndecidedMessages, Engine, refreshTranslation, restoreRouter, seedDemo } from "../app/index.js";
import type { BatonConfig, LimitsConfig, SecurityConfig } from "../core/config/index.js";
import { DomainError } from "../core/errors.js";
import { computeSeamReport, repeatFlags, seamReportToCsv } from "../core/metrics/index.js";
import type { Clock, Crm, Mailer, Translator } from "../ports/index.js";
import { LocalDiskBlobStorage, S3BlobStorage } from "../adapters/blob/index.js";
import { agentGateway } from "./agent.gateway.js";
import { attachmentsConfig } from "./attachments.config.js";
import { createAccess } from "./access.js";
import { demoIdentityRoute } from "./demo-identity.js";
import { hashPassword, randomSecret, SessionTokens } from "./auth.js";
import { clientAddress, type TrustProxy } from "./client-address.js";
import { socketOriginCheck } from "./origins.js";
import { ResumeTokens } from "./resume-tokens.js";
import { IdentityVerifier } from "./visitor-identity.js";
import { loadConfig, loadSeed, saveConfigText } from "./config.js";
import { maskSecrets, restoreSecrets } from "./config-secrets.js";
import { buildHttp } from "./http.js";
import { ClusterNode } from "./cluster-node.js";
import type { Leadership } from "../adapters/postgres/index.js";
import { commandTable, type Dispatcher, localDispatcher } from "./commands.js";
import { uuidv7 } from "./ids.js";
import { createLogger } from "./logger.js";
import { RedisLoginThrottle } from "./login-throttle.js";
import { checkSharedAttachmentsDir } from "./shared-attachments-dir.js";
import { createPrometheus } from "./prometheus.js";
import { RateLimits } from "./rate-limits.js";
import { startScheduler } from "./scheduler.js";
import { SocketPublisher } from "./socket.publisher.js";
import { ABANDON_AFTER_MS, visitorGateway } from "./visitor.gateway.js";

export interface BatonOptions {
  readonly configPath?: string;
  /** Demo data loaded into an empty store; null for none. */
  readonly seedPath?: string | null;
  /** Overrides (tests): applied on top of the file and the environment. */
  readonly storageUrl?: string;
  readonly port?: number;
  readonly host?: string;
  readonly clock?: Clock;
  readonly logger?: AppLogger;
  readonly mailer?: Mailer;
  readonly crm?: Crm;
  readonly nlu?: CreateNluOptions;
  readonly webRoot?: string | null;
  readonly offlineGraceMs?: number;
  /** How long a queued visitor may be disconnected before their chat leaves the queue (5 minutes). */
  readonly abandonAfterMs?: number;
  /**
   * How long close() lets open connections finish before cutting them (2 s). A client stalled in
   * the middle of a request, or one that never answers the WebSocket close handshake, would
   * otherwise hold the shutdown for as long as Node's own timeouts (a minute and more).
   */
  readonly shutdownGraceMs?: number;
  readonly botApiKey?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The demo shop's identity signer (POST /demo/identity): `npm start` only. It signs for anyone
   * who asks, so a deployment never turns it on.
   */
  readonly demoIdentity?: boolean;
  /** Overrides of the config's security section (tests, benchmarks). */
  readonly security?: Partial<SecurityConfig>;
  /** Overrides the configured rate limits (benchmarks: thousands of clients from one address). */
  readonly limits?: LimitsConfig;
  /** Overrides the configured translator (null: none). */
  readonly translator?: Translator | null;
  /** Overrides `server.trustProxy` (tests). */
  readonly trustProxy?: TrustProxy;
  /**
   * Cluster: this node was the router leader and lost its lock's connection; it must stop routing.
   * By default the process exits (code 70) and its supervisor starts it again as a follower.
   */
  readonly onLeadershipLost?: (err: Error) => void;
  /** Cluster: called the moment this node wins the router leader lock (before it rebuilds the router). */
  readonly onLeading?: (leadership: Leadership, engine: Engine) => void;
}

export interface Baton {
  readonly url: string;
  readonly engine: Engine;
  readonly http: FastifyInstance;
  readonly io: Server;
  readonly store: OpenedStore;
  readonly config: BatonConfig;
  readonly botApiKey: string;
  /** Cluster: this node's part in it (null on one node). */
  readonly cluster: ClusterNode | null;
  close(): Promise<void>;
}

/** Builds and starts the whole service: store, NLU, engine (router rebuilt from the store), HTTP, sockets, scheduler. */
export async function startBaton(options: BatonOptions = {}): Promise<Baton> {
  const env = options.env ?? process.env;
  const configPath = resolve(options.configPath ?? "config/baton.yaml");
  let config = await loadConfig(configPath, env);
  if (options.storageUrl !== undefined) config = { ...config, storage: { url: options.storageUrl } };
  if (options.security !== undefined) config = { ...config, security: { ...config.security, ...options.security } };
  if (options.limits !== undefined) config = { ...config, limits: options.limits };
  if (options.trustProxy !== undefined) config = { ...config, server: { ...config.server, trustProxy: options.trustProxy } };
  const addressOf = clientAddress(config.server.trustProxy);
  const log = options.logger ?? createLogger();
  const attachments = attachmentsConfig(env, config.storage.url);
  const store = await openStore(config.storage.url);
  const nlu = await createNlu({ corpusFile: config.bot.corpusFile, ...options.nlu });
  const publisher = new SocketPublisher();
  const contacts = createContactsCrm(store.conversations);
  const crm =
    options.crm ??
    (config.crm.webhookUrl === null
      ? contacts
      : chainCrm(contacts, createWebhookCrm({ url: config.crm.webhookUrl, timeoutMs: 2000, onError: (err) => log.warn({ err }, "CRM lookup failed") })));
  const clock = options.clock ?? systemClock;
  const engine = new Engine({
    store: store.conversations,
    agents: store.agents,
    desk: store.desk,
    blobs: attachments.s3 === null ? new LocalDiskBlobStorage(attachments.dir) : new S3BlobStorage(attachments.s3),
    nlu,
    reply: (intent, language, known) => answerFor(nlu.corpus, intent, language, known),
    clock,
    publisher,
    mailer: options.mailer ?? createMailer(config.smtp, log),
    crm,
    config,
    log,
    newId: () => uuidv7(),
    translator: options.translator === undefined ? createTranslator(config.translation) : options.translator,
    // Signatures carry real time: the bot's replay window is checked against its own clock.
    botTransport: createHttpBotTransport(),
  });
  if (options.seedPath !== null) {
    const seed = await loadSeed(resolve(options.seedPath ?? "config/demo-seed.yaml"), config);
    if (await seedDemo(engine, seed, hashPassword)) log.info({ agents: seed.agents.length, customers: seed.customers.length }, "demo data loaded");
  }
  // The translator's pairs and health before any routing: translation agents count only on them.
  if (await refreshTranslation(engine)) log.info({ provider: config.translation.provider }, "translator answered");
  // In a cluster only the router leader rebuilds and runs the router (ClusterNode, when it wins the lock).
  if (config.cluster === null) {
    const restored = await engine.command(() => restoreRouter(engine));
    log.info(restored, "router rebuilt from the store");
    const decided = await engine.command(() => decideUndecidedMessages(engine));
    if (decided > 0) log.info({ conversations: decided }, "decided visitor messages stored before a stop");
  }
  await store.sessions.purgeExpiredResumeTokens(engine.now());
  const offlineGraceMs = options.offlineGraceMs ?? 60_000;
  let node: ClusterNode | null = null;
  const table = commandTable({
    engine,
    visitorConnected: async (id) => (node === null ? false : node.visitorConnected(id)),
  });
  if (config.cluster !== null) {
    node = new ClusterNode(table, {
      engine,
      store,
      storageUrl: config.storage.url,
      cluster: config.cluster,
      offlineGraceMs,
      abandonAfterMs: options.abandonAfterMs ?? ABANDON_AFTER_MS,
      leaderWork: () => startScheduler(engine),
      onLeadershipLost:
        options.onLeadershipLost ??
        ((err) => {
          log.error({ err }, "lost the router leader lock: stopping so a supervisor starts this node again as a follower");
          process.exit(70);
        }),
    });
  }
  const onLeading = options.onLeading;
  if (node !== null && onLeading !== undefined) node.onLeading.push((l) => onLeading(l, engine));
  const dispatch: Dispatcher = node ?? localDispatcher(table);

  if (options.demoIdentity === true && config.security.identity.jwtSecret === null) {
    const identity = { ...config.security.identity, jwtSecret: randomSecret() };
    config = { ...config, security: { ...config.security, identity } };
  }
  const secret = config.server.sessionSecret ?? randomSecret();
  const tokens = new SessionTokens([secret, ...config.security.previousSessionSecrets], { revocations: store.sessions });
  const botApiKey = options.botApiKey ?? env.BATON_BOT_API_KEY ?? randomSecret();
  const prometheus = createPrometheus(engine, () => node === null || node.leads);
  const access = createAccess(engine, tokens, { botApiKey, metricsToken: config.security.metricsToken });
  let io: Server | null = null;
  const scenarioDir = resolve("config/scenarios");
  const limits = new RateLimits(config.limits);
  const http = await buildHttp(engine, {
    access,
    trustProxy: config.server.trustProxy,
    dispatch,
    leads: () => node === null || node.leads,
    limits,
    sharedLimits: node === null || config.cluster === null ? null : { redis: node.limitsRedis, keyPrefix: config.cluster.keyPrefix },
    sessions: {
      tokens,
      resume: new ResumeTokens(store.sessions, config.security.resumeTokenDays * 24 * 3600 * 1000),
      identity: new IdentityVerifier(config.security.identity),
      login: config.security.login,
      ...(node === null || config.cluster === null
        ? {}
        : { loginThrottle: new RedisLoginThrottle(node.limitsRedis, config.cluster.keyPrefix, config.security.login.perAccountPerMinute, (err) => log.warn({ err }, "sign-in throttle: Redis unreachable, letting sign-ins through")) }),
      // Every node's sockets (through the adapter in a cluster) that use the revoked session.
      onSignOut: async (jti) => {
        for (const nsp of [io?.of("/agent"), io?.of("/visitor")]) {
          for (const socket of (await nsp?.fetchSockets()) ?? []) if (socket.data.jti === jti) socket.disconnect(true);
        }
      },
    },
    databaseUp: () => probe(store),
    widgetOrigins: [config.server.publicUrl, ...config.security.allowedOrigins].map((u) => new URL(u).origin),
    webRoot: options.webRoot === undefined ? resolve("web/dist") : options.webRoot,
    scenarioDir,
    scenarioRefs: {
      "../baton.yaml": configPath,
      "../demo-seed.yaml": resolve(options.seedPath ?? "config/demo-seed.yaml"),
    },
    // The admin page never shows the secrets written in the file; what it saves gets them back.
    readConfigText: async () => maskSecrets(await readFile(configPath, "utf8")),
    saveConfig: async (yaml) => {
      // One node's file and router would drift from the others' (and a failover would bring the old rules back).
      if (node !== null) throw new DomainError("conflict", "in a cluster, edit the config file every node reads (--config / BATON_CONFIG) and restart the nodes");
      const next = await saveConfigText(configPath, restoreSecrets(yaml, await readFile(configPath, "utf8"), configPath), env);
      await engine.command(async () => engine.setConfig({ ...next, storage: config.storage }));
    },
    seamReport: async (from, to, format) => {
      const { conversations } = store;
      const handoffs = await conversations.listHandoffsBetween(from, to);
      const flags = [];
      const translatedChats = [];
      for (const id of new Set(handoffs.map((h) => h.conversationId))) {
        const [all, messages, fields] = await Promise.all([conversations.listHandoffs(id), conversations.listMessages(id), conversations.listFields(id)]);
        const translated = messages.filter((m) => m.translation != null);
        const failed = translated.filter((m) => m.translation?.text === null).length;
        translatedChats.push({ conversationId: id, messages: translated.length - failed, failed });
        const inWindow = new Set(handoffs.filter((h) => h.conversationId === id).map((h) => h.id));
        flags.push(...repeatFlags(all, messages, fields).filter((f) => inWindow.has(f.handoffId)));
      }
      const csat = await conversations.listCsatBetween(from, to);
      const asyncPromises = await conversations.listInbox({});
      // The bot in charge of each conversation measured: the report splits by bot.
      const botOf: Record<string, string> = {};
      for (const id of new Set([...handoffs.map((h) => h.conversationId), ...csat.map((c) => c.conversationId)])) {
        const bot = (await conversations.getConversation(id))?.bot;
        if (bot !== undefined) botOf[id] = bot;
      }
      const report = computeSeamReport({ handoffs, csat, repeatFlags: flags, asyncPromises, translatedChats, rules: engine.config.rules, from, to, now: engine.now(), botOf });
      return format === "csv" ? seamReportToCsv(report) : report;
    },
    attachments,
    prometheus: prometheus.metrics,
  });
  const demoSecret = config.security.identity.jwtSecret;
  if (options.demoIdentity === true && demoSecret !== null) demoIdentityRoute(http, engine, demoSecret);
  const origins = socketOriginCheck(config.server.publicUrl, config.security.allowedOrigins);
  io = new Server(http.server, {
    cors: { origin: origins.corsOrigin, credentials: false },
    // A frame is at most a 4,000-character message and its page: a flooder cannot make us buffer megabytes.
    maxHttpBufferSize: 64 * 1024,
    // Browsers only from Baton's own or the configured widget origins; then connections per address
    // (and none for a moment after a flooder from there was cut off), refused before any handshake work.
    allowRequest: (req, callback) =>
      origins.allowRequest(req, (err, ok) => {
        if (!ok) return callback(err, false);
        callback(null, limits.connectionAllowed(addressOf(req)));
      }),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // Several nodes: a frame emitted on any node reaches its room's sockets on every node, and a
    // client back within the recovery window on another node replays what it missed from the stream.
    ...(node === null ? {} : { adapter: node.socketAdapter() }),
  });
  publisher.attach(io);
  const registry = node?.registry ?? null;
  visitorGateway(io.of("/visitor"), engine, tokens, {
    dispatch,
    observeMessageSeconds: prometheus.observeMessageSeconds,
    ...(options.abandonAfterMs === undefined ? {} : { abandonAfterMs: options.abandonAfterMs }),
    limits,
    addressOf,
    registry,
  });
  const agents = agentGateway(io.of("/agent"), engine, tokens, { offlineGraceMs, limits, dispatch, registry });
  const stopScheduler = node === null ? startScheduler(engine) : () => {};
  await node?.start();
  if (node !== null && config.cluster !== null && attachments.s3 === null) {
    const problem = await checkSharedAttachmentsDir(node.redis, config.cluster.keyPrefix, attachments.dir).catch((err: unknown) => `could not check the attachments directory: ${(err as Error).message}`);
    if (problem !== null) log.error({ dir: attachments.dir }, problem);
  }
  // Every raw connection (HTTP, and WebSockets after their upgrade), so a shutdown can cut the stragglers.
  const connections = new Set<Socket>();
  http.server.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });
  await http.listen({ port: options.port ?? config.server.port, host: options.host ?? config.server.host });
  const address = http.server.address() as AddressInfo;
  const url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;
  let closed = false;
  const sockets = io;
  return {
    url,
    engine,
    http,
    io: sockets,
    store,
    config,
    botApiKey,
    cluster: node,
    async close() {
      if (closed) return;
      closed = true;
      stopScheduler();
      agents.close();
      const cut = setTimeout(() => {
        for (const socket of connections) socket.destroy();
      }, options.shutdownGraceMs ?? 2_000);
      await new Promise<void>((done) => sockets.close(() => done()));
      clearTimeout(cut);
      await http.close().catch(() => undefined);
      // Deliveries to external bots under way are cut: their messages stay undecided and go out again after a restart.
      engine.botDeliveries.stop();
      await engine.botDeliveries.idle();
      await node?.close();
      await engine.serial.idle();
      await engine.conversationsIdle();
      await store.close();
    },
  };
}

/** Whether the database answers a trivial query within two seconds. */
async function probe(store: OpenedStore): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), 2000);
  });
  try {
    return await Promise.race([store.conversations.getConversation("healthz-probe").then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
