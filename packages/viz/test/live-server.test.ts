import { type AddressInfo, connect, createServer } from "node:net";
import { networkInterfaces } from "node:os";
import type { SearchEvent } from "@deliberate/core";
import { afterEach, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer, VizError } from "../src/index.js";
import { sampleTree } from "../src/testing/index.js";
import { openEventStream, requestText } from "./helpers/http-client.js";

const tree = sampleTree({ nodes: 12, seed: 1 });
/** The same search before its first event: the root only. */
const beginning = {
  ...tree,
  nodes: tree.nodes.slice(0, 1),
  events: [],
  bestPath: undefined,
  stopReason: undefined,
};
let server: LiveServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function findExternalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? [])
      if (info.family === "IPv4" && !info.internal) return info.address;
  }
  return undefined;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("startLiveServer", () => {
  it("refuses to listen on a non-loopback address", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "example.com"]) {
      await expect(startLiveServer({ host })).rejects.toMatchObject({ code: "INVALID_OPTION" });
    }
    await expect(startLiveServer({ port: -1 })).rejects.toBeInstanceOf(VizError);
  });

  it("listens on 127.0.0.1 and a free port, unreachable from other interfaces", async (context) => {
    // Addresses other than 127.0.0.1 that a server listening on every interface answers on. On
    // Linux all of 127.0.0.0/8 is this host, so 127.0.0.2 is there even with no network at all;
    // a control server on 0.0.0.0 proves which of them reach this host here.
    const candidates = ["127.0.0.2", findExternalAddress()].filter(
      (address): address is string => address !== undefined,
    );
    const control = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => control.listen(0, "0.0.0.0", resolve));
    const controlPort = (control.address() as AddressInfo).port;
    const probes: string[] = [];
    for (const address of candidates) {
      if (await canConnect(address, controlPort)) probes.push(address);
    }
    await new Promise((resolve) => control.close(resolve));
    if (probes.length === 0) return context.skip("no address besides 127.0.0.1 reaches this host");

    server = await startLiveServer();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
    expect(await canConnect("127.0.0.1", server.port)).toBe(true);
    for (const address of probes)
      expect(await canConnect(address, server.port), address).toBe(false);
  });

  it("listens on ::1 with a bracketed URL when IPv6 loopback exists", async (context) => {
    server = await startLiveServer({ host: "::1" }).catch((error: unknown) => {
      if (error instanceof VizError && error.code === "LISTEN_FAILED") return undefined;
      throw error;
    });
    if (!server) return context.skip();
    expect(server.url).toBe(`http://[::1]:${server.port}/`);
    expect((await requestText(server.url)).status).toBe(200);
    expect((await requestText(server.url, { host: `evil.example:${server.port}` })).status).toBe(
      403,
    );
  });

  it("serves the viewer with a strict policy and no CORS header", async () => {
    server = await startLiveServer({ tree });
    const page = await requestText(server.url);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toMatch(/default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const origin = { origin: server.url.slice(0, -1) };
    for (const path of ["", "tree.json", "nope"]) {
      const response = await requestText(`${server.url}${path}`, origin);
      expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    }
    const stream = await openEventStream(`${server.url}events`, origin);
    expect(stream.status).toBe(200);
    expect(stream.headers["access-control-allow-origin"]).toBeUndefined();
    stream.close();
  });

  it("rejects a Host header that is not its loopback address and port (DNS rebinding)", async () => {
    server = await startLiveServer({ tree });
    const port = server.port;
    for (const host of [
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      "127.0.0.1",
      `127.0.0.1.nip.io:${port}`,
    ]) {
      const response = await requestText(server.url, { host });
      expect(response.status).toBe(403);
      expect(response.body).not.toContain("deliberate-data");
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await requestText(server.url, { host })).status).toBe(200);
    }
  });

  it("rejects requests from another origin and methods other than GET", async () => {
    server = await startLiveServer({ tree });
    expect(
      (await requestText(`${server.url}events`, { origin: "http://evil.example" })).status,
    ).toBe(403);
    expect((await requestText(server.url, { origin: "null" })).status).toBe(403);
    expect((await requestText(server.url, {}, "POST")).status).toBe(405);
    expect((await requestText(`${server.url}../../etc/passwd`)).status).toBe(404);
  });

  it("embeds the tree so far in the page and where to resume the stream", async () => {
    server = await startLiveServer({ tree });
    const page = await requestText(server.url);
    const data = JSON.parse(
      /<script type="application\/json" id="deliberate-data">(.*?)<\/script>/s.exec(
        page.body,
      )?.[1] ?? "",
    );
    expect(data.tree.nodes).toHaveLength(tree.nodes.length);
    expect(data.live).toEqual({ url: "/events", from: 0 });
    const json = await requestText(`${server.url}tree.json`);
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(json.body).nodes).toHaveLength(tree.nodes.length);
    const head = await requestText(server.url, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("replays pushed events to a late subscriber, then streams new ones", async () => {
    server = await startLiveServer({ tree: beginning });
    const events = tree.events.slice(0, 6);
    for (const event of events)
      server.push(event, "id" in event ? tree.nodes[event.id] : undefined);
    const stream = await openEventStream(`${server.url}events?from=0`);
    expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    const caughtUp = await stream.waitFor(6);
    expect(caughtUp.map((event) => JSON.parse(event.data).event.seq)).toEqual(
      events.map((e) => e.seq),
    );
    expect(caughtUp.map((event) => event.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
    const next = tree.events[6] as SearchEvent;
    server.push(next);
    const all = await stream.waitFor(7);
    expect(JSON.parse(all[6]?.data ?? "").event).toEqual(next);
    stream.close();
  });

  it("resumes after Last-Event-ID and ignores events it has already seen", async () => {
    server = await startLiveServer({ tree: beginning });
    for (const event of tree.events.slice(0, 5)) server.push(event);
    server.push(tree.events[2] as SearchEvent);
    const stream = await openEventStream(`${server.url}events`, { "last-event-id": "3" });
    const events = await stream.waitFor(2);
    expect(events.map((event) => event.id)).toEqual(["4", "5"]);
    stream.close();
  });

  it("sends a node with its text for created events and syncs whole trees without repeats", async () => {
    server = await startLiveServer({ tree: beginning });
    const stream = await openEventStream(`${server.url}events?from=0`);
    server.update(tree);
    const count = tree.events.length + 1;
    const messages = (await stream.waitFor(count)).map((event) => JSON.parse(event.data));
    const created = messages.find((message) => message.event?.type === "created");
    expect(created.node.text).toBe(tree.nodes[created.event.id]?.text);
    expect(messages.at(-1)).toEqual({ bestPath: tree.bestPath, stopReason: tree.stopReason });
    server.update(tree);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.events).toHaveLength(count);
    expect(server.snapshot().nodes).toHaveLength(tree.nodes.length);
    stream.close();
  });

  it("ends open streams and frees its port and handles on close", async () => {
    const before = process.getActiveResourcesInfo().filter((name) => name.startsWith("TCP")).length;
    server = await startLiveServer({ tree });
    const stream = await openEventStream(`${server.url}events`);
    const url = server.url;
    await server.close();
    await stream.ended;
    expect(stream.events.at(-1)?.event).toBe("end");
    server.push(tree.events[0] as SearchEvent);
    await expect(requestText(url)).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((resolve) => setImmediate(resolve));
    const after = process.getActiveResourcesInfo().filter((name) => name.startsWith("TCP")).length;
    expect(after).toBeLessThanOrEqual(before);
  });
});
