import { apachejames } from "./apachejames.ts";
import { arf } from "./arf.ts";
import { autoreply } from "./autoreply.ts";
import { biglobe } from "./biglobe.ts";
import { courier } from "./courier.ts";
import { domino } from "./domino.ts";
import { exchange } from "./exchange.ts";
import { exim } from "./exim.ts";
import { ezweb } from "./ezweb.ts";
import { fml } from "./fml.ts";
import type { Format } from "./format.ts";
import { generic } from "./generic.ts";
import { gmail } from "./gmail.ts";
import { googlegroups } from "./googlegroups.ts";
import { imail } from "./imail.ts";
import { messagelabsNotice } from "./messagelabs-notice.ts";
import { mfilter } from "./mfilter.ts";
import { notes } from "./notes.ts";
import { opensmtpd } from "./opensmtpd.ts";
import { postfix } from "./postfix.ts";
import { qmail } from "./qmail.ts";
import { sendmail } from "./sendmail.ts";
import { trendmicro } from "./trendmicro.ts";
import { verizon } from "./verizon.ts";
import { zohoNotice } from "./zoho-notice.ts";

/**
 * The order in which formats look at a notice: complaint reports first (they are not bounces), then
 * MTA families with distinctive markers, most specific first; automatic replies last, because many
 * bounces also carry "Auto-Submitted: auto-replied".
 */
export const FORMATS: readonly Format[] = [
  arf,
  googlegroups,
  gmail,
  biglobe,
  ezweb,
  exchange,
  mfilter,
  messagelabsNotice,
  verizon,
  apachejames,
  notes,
  domino,
  imail,
  trendmicro,
  courier,
  fml,
  zohoNotice,
  opensmtpd,
  postfix,
  sendmail,
  exim,
  qmail,
  autoreply,
];

/** For notices no format recognised, and for pasted fragments. */
export const GENERIC: Format = generic;
