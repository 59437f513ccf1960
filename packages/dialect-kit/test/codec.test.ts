import { describe, expect, it } from "vitest";
import { CodecError, formCodec, jsonCodec, mediaTypeEssence } from "../src/codec.js";

describe("the JSON codec", () => {
  it("decodes and encodes JSON", () => {
    expect(jsonCodec.decode('{"a":[1,"x"]}')).toEqual({ a: [1, "x"] });
    expect(jsonCodec.encode({ a: "é" })).toBe('{"a":"é"}');
  });

  it("refuses malformed JSON with a CodecError", () => {
    expect(() => jsonCodec.decode('{"a":')).toThrow(CodecError);
    expect(() => jsonCodec.decode('{"a":')).toThrow("Request body is not valid JSON");
  });

  it("refuses prototype poisoning as Fastify's parser did", () => {
    expect(() => jsonCodec.decode('{"__proto__":{"admin":true}}')).toThrow(/__proto__/);
    expect(() => jsonCodec.decode('{"constructor":{"prototype":{"admin":true}}}')).toThrow(/constructor/);
    // Escaped keys are the same keys once parsed.
    expect(() => jsonCodec.decode('{"a":[{"\\u005f_proto__":{"admin":true}}]}')).toThrow(CodecError);
    // A key merely named constructor is data.
    expect(jsonCodec.decode('{"constructor":"Ann","b":[1]}')).toEqual({ constructor: "Ann", b: [1] });
  });
});

describe("the form codec and media type essences", () => {
  it("reads a form as a flat object of strings", () => {
    expect(formCodec.decode("grant_type=client_credentials&client_id=a%20b")).toEqual({
      grant_type: "client_credentials",
      client_id: "a b",
    });
  });

  it("lower-cases a media type and drops its parameters", () => {
    expect(mediaTypeEssence("Application/XML; charset=UTF-8")).toBe("application/xml");
    expect(mediaTypeEssence(" ")).toBeUndefined();
    expect(mediaTypeEssence(undefined)).toBeUndefined();
  });
});
