/**
 * Sandbox kit: what every ERP simulator needs, so that a new one is a dataset plus a few handlers.
 *
 * <ul>
 *   <li>{@link io.passerelle.sandbox.kit.HttpSimulatorServer} and {@link io.passerelle.sandbox.kit.Router}: the
 *       JDK's HTTP server on one port; routes by method and path pattern ({@code /mandants/{mandant}/{set}},
 *       {@code /entity/{endpoint}/{version}/{entity}/{keys...}}); 404, 405 and failures answered by the ERP's
 *       {@link io.passerelle.sandbox.kit.ErrorWriter}; a handler throws {@link io.passerelle.sandbox.kit.ErrorAnswer}
 *       for any other refusal. {@link io.passerelle.sandbox.kit.Request} reads the query, cookies, credentials
 *       and a strict JSON or form body; {@link io.passerelle.sandbox.kit.Answer} is what goes back.</li>
 *   <li>{@link io.passerelle.sandbox.kit.TokenEndpoint}: OAuth2 client credentials, password and refresh grants,
 *       expiring tokens, the ERP's error bodies. {@link io.passerelle.sandbox.kit.Sessions}: cookie and token
 *       sessions holding licence slots, freed at logout or expiry.</li>
 *   <li>Paging: {@link io.passerelle.sandbox.kit.TopSkipPaging} ({@code $top}/{@code $skip}),
 *       {@link io.passerelle.sandbox.kit.ODataNextLinkPaging} ({@code @odata.nextLink} with a {@code $skiptoken}),
 *       {@link io.passerelle.sandbox.kit.LinkHeaderPaging} ({@code Link: rel="next"}) and
 *       {@link io.passerelle.sandbox.kit.PageNumberPaging} ({@code page}/{@code pageSize}).</li>
 *   <li>{@link io.passerelle.sandbox.kit.Faults}: 429 with Retry-After (next N, every N), 5xx, a cut before
 *       handling or after a stored write, 504 after a stored write, slow answers, a token expiring after N
 *       calls. {@link io.passerelle.sandbox.kit.RequestCounters}: {@code METHOD kind} counts, events, last
 *       bodies. {@link io.passerelle.sandbox.kit.Tally} and {@link io.passerelle.sandbox.kit.Countdown} serve
 *       the TCP simulator too.</li>
 *   <li>{@link io.passerelle.sandbox.kit.Fixtures}: datasets from {@code src/main/resources/sandbox/<erp>/*.json};
 *       {@link io.passerelle.sandbox.kit.JsonTable}: an entity's records in key order, by key or id;
 *       {@link io.passerelle.sandbox.kit.ModificationClock}: stamps that never go backwards.</li>
 * </ul>
 *
 * <p>A new simulator: its fixtures; a dataset class that loads them; an {@code ErrorWriter} in the ERP's words;
 * a {@code Router} with its handlers (and a {@code TokenEndpoint} if it has OAuth); a paging style per
 * list; a {@code *SimulatorProperties} record and a {@code Sandbox*Configuration}, as
 * {@link io.passerelle.sandbox.acumatica} has.
 */
package io.passerelle.sandbox.kit;
