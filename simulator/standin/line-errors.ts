import type { LimitViolation } from "../../platform/line-limits.ts";

/**
 * LINE's error bodies, as documented (developers.line.biz messaging-api #error-responses): a message,
 * and for request-body validation failures one detail per broken property.
 */

export interface LineErrorBody {
  message: string;
  details?: LimitViolation[];
}

export const AUTH_HEADER_REQUIRED: LineErrorBody = {
  message: "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'",
};

export const AUTH_FAILED: LineErrorBody = {
  message: "Authentication failed. Confirm that the access token in the authorization header is valid.",
};

export const INVALID_REPLY_TOKEN: LineErrorBody = { message: "Invalid reply token" };

export const NOT_FOUND: LineErrorBody = { message: "Not found" };

export function bodyErrors(details: LimitViolation[]): LineErrorBody {
  return { message: `The request body has ${details.length} error(s)`, details };
}
