import { validateSignature } from "./line-sdk.ts";

/**
 * X-Line-Signature is base64(HMAC-SHA256(channel secret, the raw body)), verified with the SDK's
 * validateSignature (constant time). The SDK decodes the header leniently first, so padding removed,
 * base64url or junk after it also passed: no forgery, but a check should accept one spelling. So the
 * header must first be exactly the canonical text: 44 characters, standard alphabet, "=" padding.
 */
const CANONICAL_SHA256_BASE64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/; // 256 bits: the last digit's low 2 bits are 0

export function signatureMatches(body: Buffer, secret: string, header: string | undefined): boolean {
  if (header === undefined || !CANONICAL_SHA256_BASE64.test(header)) return false;
  return validateSignature(body, secret, header);
}
