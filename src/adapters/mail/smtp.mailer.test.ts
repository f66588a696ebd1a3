import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { LogMailer } from "./log.mailer.js";
import type { MailLogger } from "./mail-logger.js";
import { createMailer } from "./smtp.mailer.js";

interface Received {
  readonly envelope: { from: string; to: string[] };
  readonly user: string | undefined;
  readonly mail: ParsedMail;
}

/** A real SMTP server on an ephemeral port; resolves each received message, parsed. */
async function startSmtp(options: { auth?: { user: string; pass: string } } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass) cb(null, { user: auth.username });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            user: session.user as string | undefined,
            mail,
          });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port, received, close };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe("createMailer with SMTP", () => {
  it("delivers to, from, subject, text and html", async () => {
    const smtp = await startSmtp();
    stop = smtp.close;
    const mailer = createMailer({ host: "127.0.0.1", port: smtp.port, secure: false, from: '"Acme support" <support@acme.test>' });
    const { messageId } = await mailer.send({
      to: "ana@example.com",
      subject: "Re: your message — ünïcode",
      text: "Hi Ana,\nyour refund is on its way.",
      html: "<p>Hi Ana,<br>your refund is on its way.</p>",
    });
    expect(smtp.received).toHaveLength(1);
    const [{ envelope, mail }] = smtp.received as [Received];
    expect(envelope).toEqual({ from: "support@acme.test", to: ["ana@example.com"] });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(["ana@example.com"]);
    expect(mail.from?.value).toEqual([{ name: "Acme support", address: "support@acme.test" }]);
    expect(mail.subject).toBe("Re: your message — ünïcode");
    expect(mail.text?.trim()).toBe("Hi Ana,\nyour refund is on its way.");
    expect(mail.html).toContain("your refund is on its way.");
    expect(mail.messageId).toBe(messageId);
  });

  it("authenticates with user and pass, and rejects when the server refuses", async () => {
    const smtp = await startSmtp({ auth: { user: "baton", pass: "s3cret" } });
    stop = smtp.close;
    const base = { host: "127.0.0.1", port: smtp.port, secure: false, user: "baton", from: "support@acme.test" };
    await createMailer({ ...base, pass: "s3cret" }).send({ to: "bo@example.com", subject: "ok", text: "ok" });
    expect(smtp.received.map((r) => [r.user, r.mail.subject])).toEqual([["baton", "ok"]]);
    await expect(createMailer({ ...base, pass: "wrong" }).send({ to: "bo@example.com", subject: "no", text: "no" })).rejects.toThrow();
    expect(smtp.received).toHaveLength(1);
  });

  it("logs what it sent", async () => {
    const smtp = await startSmtp();
    stop = smtp.close;
    const logged: unknown[] = [];
    const logger: MailLogger = { info: (obj, msg) => logged.push({ ...obj, msg }) };
    await createMailer({ host: "127.0.0.1", port: smtp.port, secure: false, from: "s@acme.test" }, logger).send({
      to: "cy@example.com",
      subject: "hello",
      text: "x",
    });
    expect(logged).toEqual([expect.objectContaining({ to: "cy@example.com", subject: "hello", msg: "mail sent" })]);
  });
});

describe("createMailer without SMTP", () => {
  it("returns a LogMailer that records and logs instead of sending", async () => {
    const logged: Record<string, unknown>[] = [];
    const mailer = createMailer(null, { info: (obj) => logged.push(obj) });
    expect(mailer).toBeInstanceOf(LogMailer);
    const mail = { to: "ana@example.com", subject: "Re: hi", text: "Hello" };
    const first = await mailer.send(mail);
    const second = await mailer.send({ ...mail, subject: "again" });
    expect(first.messageId).not.toBe(second.messageId);
    expect((mailer as LogMailer).sent).toEqual([mail, { ...mail, subject: "again" }]);
    expect(logged[0]).toMatchObject({ to: "ana@example.com", subject: "Re: hi", text: "Hello" });
  });

  it("accepts a pino logger", async () => {
    const logger: MailLogger = pino({ enabled: false });
    await expect(createMailer(null, logger).send({ to: "a@b.test", subject: "s", text: "t" })).resolves.toHaveProperty("messageId");
  });
});
