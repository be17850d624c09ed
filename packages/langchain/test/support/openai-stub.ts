import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A chat-completions request body as the stub received it. */
export type StubRequest = Record<string, unknown> & {
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
};

/** How the stub answers one request: choice texts, or a status with an error, or never. */
export type StubReply =
  | {
      readonly texts: readonly string[];
      readonly finish?: string;
      readonly cached?: number;
      /** Log-probabilities of each choice's tokens, sent when the request asks for them. */
      readonly logprobs?: readonly number[];
      /** Alternatives to the first token, sent when the request asks for `top_logprobs`. */
      readonly top?: readonly { readonly token: string; readonly logprob: number }[];
    }
  | {
      readonly status: number;
      readonly error: string;
      /** Response headers, such as `retry-after`. */
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly hang: true };

export interface OpenAIStub {
  /** `http://127.0.0.1:<port>/v1`, for `configuration.baseURL`. */
  readonly baseURL: string;
  readonly requests: StubRequest[];
  /** Requests whose client went away before the stub answered. */
  readonly closedEarly: number;
  close(): Promise<void>;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function readBody(request: IncomingMessage): Promise<StubRequest> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => resolve(JSON.parse(body) as StubRequest));
    request.on("error", reject);
  });
}

/**
 * A local OpenAI-compatible server on 127.0.0.1 answering `POST /v1/chat/completions` with
 * usage (words counted as tokens) and as many choices as `reply` gives; nothing leaves the machine.
 */
export async function startOpenAIStub(
  reply: (request: StubRequest) => StubReply,
): Promise<OpenAIStub> {
  const requests: StubRequest[] = [];
  let closedEarly = 0;
  const server: Server = createServer(async (request, response) => {
    if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: `no route ${request.url}` } }));
      return;
    }
    const body = await readBody(request);
    requests.push(body);
    const answer = reply(body);
    if ("hang" in answer) {
      response.on("close", () => {
        closedEarly += 1;
      });
      return;
    }
    if ("status" in answer) {
      response.writeHead(answer.status, {
        "content-type": "application/json",
        ...answer.headers,
      });
      response.end(JSON.stringify({ error: { message: answer.error, type: "server_error" } }));
      return;
    }
    const prompt = body.messages.map((message) => String(message.content)).join(" ");
    const completion = answer.texts.reduce((sum, text) => sum + countWords(text), 0);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: 0,
        model: String(body.model),
        choices: answer.texts.map((text, index) => ({
          index,
          message: { role: "assistant", content: text },
          finish_reason: answer.finish ?? "stop",
          ...(body.logprobs && answer.logprobs
            ? {
                logprobs: {
                  content: answer.logprobs.map((logprob, token) => ({
                    token: `t${token}`,
                    logprob,
                    top_logprobs: token === 0 && body.top_logprobs ? (answer.top ?? []) : [],
                  })),
                },
              }
            : {}),
        })),
        usage: {
          prompt_tokens: countWords(prompt),
          completion_tokens: completion,
          total_tokens: countWords(prompt) + completion,
          prompt_tokens_details: { cached_tokens: answer.cached ?? 0 },
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get closedEarly() {
      return closedEarly;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
