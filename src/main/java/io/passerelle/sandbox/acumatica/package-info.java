/**
 * Sandbox Acumatica: an in-process Acumatica Cloud ERP tenant serving the contract-based REST API
 * ({@code erp-api-facts.md} §1) that the real Acumatica connector talks to over HTTP, built on the
 * {@link io.passerelle.sandbox.kit sandbox kit}.
 *
 * <ul>
 *   <li>{@link io.passerelle.sandbox.acumatica.AcumaticaSimulator}: the routes and Acumatica's handlers: login/logout
 *       with licence slots, the token endpoint's password and refresh grants, lists, records by keys or id, PUT
 *       upserts, test hooks.</li>
 *   <li>{@link io.passerelle.sandbox.acumatica.AcumaticaDataset}: the seeded tenant "Bâtiments Laurentides
 *       inc.", drawn from the fixtures in {@code sandbox/acumatica/}, stored wrapped, in key order; validation
 *       and numbering of documents.</li>
 *   <li>{@link io.passerelle.sandbox.acumatica.Faults}: the kit's faults plus the login limit and its status.</li>
 *   <li>{@link io.passerelle.sandbox.acumatica.SandboxAcumaticaConfiguration}: Spring wiring when
 *       {@code passerelle.sandbox.acumatica.enabled=true}; publishes {@code passerelle.sandbox.acumatica.bound-port}.</li>
 * </ul>
 */
package io.passerelle.sandbox.acumatica;
