import { describe, expect, it } from "vitest";
import { consoleUrl, isLoopbackHost, signInLink } from "./server-address.js";

describe("the console's address", () => {
  it("is an http URL, with an IPv6 host in brackets", () => {
    expect(consoleUrl("127.0.0.1", 4317)).toBe("http://127.0.0.1:4317");
    expect(consoleUrl("::1", 4317)).toBe("http://[::1]:4317");
    expect(consoleUrl("factory.local", 80)).toBe("http://factory.local:80");
  });

  it("signs in with the token in the fragment, which browsers do not send", () => {
    expect(signInLink("http://127.0.0.1:4317", "sf_a-b_c")).toBe(
      "http://127.0.0.1:4317/#token=sf_a-b_c",
    );
  });

  it("tells loopback hosts from those other machines reach", () => {
    for (const host of ["127.0.0.1", "127.8.0.1", "localhost", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "factory.local", "128.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
