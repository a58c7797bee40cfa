/**
 * Sandbox Avantage: an in-process MainTCP server ({@code erp/avantage-maintcp.md}) that the real
 * Avantage connector talks to over TCP.
 *
 * <ul>
 *   <li>{@link io.passerelle.sandbox.avantage.AvantageSimulator}: start/stop/port, greeting, frames,
 *       AES-256-GCM, pipelining (64 in flight, answers in completion order), and the test hooks.</li>
 *   <li>{@link io.passerelle.sandbox.avantage.AvantageDataset}: the seeded company "Construction Boréal
 *       inc." (BOREAL), its master data in LIST order, posted timesheet lines, synthetic volume.</li>
 *   <li>{@link io.passerelle.sandbox.avantage.Faults}: busy, reordering, denied/silent/garbage greetings,
 *       oversized frames, a cut after a stored write, malformed items.</li>
 *   <li>{@link io.passerelle.sandbox.avantage.SandboxAvantageConfiguration}: Spring wiring when
 *       {@code passerelle.sandbox.avantage.enabled=true}; publishes
 *       {@code passerelle.sandbox.avantage.bound-port}.</li>
 * </ul>
 */
package io.passerelle.sandbox.avantage;
