/**
 * Sandbox Acumatica: an in-process Acumatica Cloud ERP tenant serving the contract-based REST API
 * ({@code erp-api-facts.md} §1) that the real Acumatica connector talks to over HTTP.
 *
 * <ul>
 *   <li>{@link io.passerelle.sandbox.acumatica.AcumaticaSimulator}: start/stop/url, login/logout with licence
 *       slots, OAuth password and refresh grants, lists, records by keys or id, PUT upserts, test hooks.</li>
 *   <li>{@link io.passerelle.sandbox.acumatica.AcumaticaDataset}: the seeded tenant "Bâtiments Laurentides
 *       inc.", stored wrapped, in key order; validation and numbering of documents.</li>
 *   <li>{@link io.passerelle.sandbox.acumatica.Faults}: 429s, login limit, delays, a write answered 504 or cut.</li>
 *   <li>{@link io.passerelle.sandbox.acumatica.SandboxAcumaticaConfiguration}: Spring wiring when
 *       {@code passerelle.sandbox.acumatica.enabled=true}; publishes {@code passerelle.sandbox.acumatica.bound-port}.</li>
 * </ul>
 */
package io.passerelle.sandbox.acumatica;
