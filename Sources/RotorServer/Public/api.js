// The Rotor HTTP API as the page uses it. When the server has an API token, the page asks for it once
// (kept for this browser tab only) and sends it with every call, the event stream included: that is why
// events are read with fetch rather than EventSource, which cannot send headers.

const tokenKey = "rotor.token";

/// An API error: the server's message, and its list of messages when it gave several.
export class APIError extends Error {
  constructor(status, message, details = []) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

let askForToken = async () => null;

/// `ask` shows the token dialog and resolves to the token typed, or null when the planner cancels.
export function setTokenPrompt(ask) {
  askForToken = ask;
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(tokenKey);
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

/// A request; a 401 asks for the token and tries again, any other error status becomes an APIError.
export async function request(method, path, { body, contentType, signal } = {}) {
  for (;;) {
    const extra = contentType ? { "Content-Type": contentType } : {};
    const response = await fetch(path, { method, body, headers: headers(extra), signal });
    if (response.status === 401) {
      const token = await askForToken();
      if (token) {
        sessionStorage.setItem(tokenKey, token);
        continue;
      }
    }
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`;
      let details = [];
      try {
        const error = await response.json();
        message = error.error ?? message;
        details = error.details ?? [];
      } catch {
        // Not a JSON error body (a proxy's page, say): the status line is the message.
      }
      throw new APIError(response.status, message, details);
    }
    return response;
  }
}

export async function json(method, path, options) {
  return (await request(method, path, options)).json();
}

export async function text(method, path, options) {
  return (await request(method, path, options)).text();
}

/// Server-Sent Events of `path` as {event, data} with `data` parsed as JSON, until the stream closes.
export async function* events(path, signal) {
  const response = await request("GET", path, { signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      let data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data += line.slice(5).trim();
      }
      if (data) yield { event, data: JSON.parse(data) };
    }
  }
}
