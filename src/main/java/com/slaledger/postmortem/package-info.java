/**
 * Reading a written postmortem (plain text or Markdown, as teams write them after an outage) into a
 * draft incident: its timeline, the five instants derived from what each timeline line means, the
 * impact, the affected services and clients, and warnings wherever the document is unclear or
 * contradicts itself. {@code docs/postmortem-import.md} describes what is understood.
 *
 * <p>Plain Java only, like {@code analytics}: text and a {@link com.slaledger.postmortem.Catalog} in,
 * a {@link com.slaledger.postmortem.ParseResult} out. Nothing here is saved; the caller previews the
 * draft, lets a person correct it, and saves it through the incident service.
 */
package com.slaledger.postmortem;
