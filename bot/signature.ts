import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * X-Line-Signature is base64(HMAC-SHA256(channel secret, the raw body)). The header must be exactly
 * that canonical text: 44 characters, standard alphabet, "=" padding. The SDK's validateSignature
 * decodes the header leniently first, so padding removed, base64url or junk after it also passed: no
 * forgery, but a check should accept one spelling. Compared in constant time.
 */
export function signatureMatches(body: Buffer, secret: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(body).digest("base64"), "latin1");
  const given = Buffer.from(header, "utf8"); // anything beyond ASCII changes the length: no match
  return given.length === expected.length && timingSafeEqual(given, expected);
}
