/**
 * The REST kit: what a REST ERP's module builds on, so that it says only what is its own.
 * <ul>
 *   <li>Transport: {@link io.passerelle.erp.http.RestTransport}, one {@code rest-http} route per connection
 *       ({@link io.passerelle.erp.http.RestHttpRoutes}), kept by the ERP's
 *       {@link io.passerelle.erp.ConnectionTransports} bean.</li>
 *   <li>Calls: {@link io.passerelle.erp.http.RestClient} waits out 429/503 as {@code Retry-After} asks, within a
 *       {@link io.passerelle.erp.http.RetryPolicy}, renews once after a 401, and says refusals in the ERP's words
 *       ({@link io.passerelle.erp.http.ErrorBodies}, {@link io.passerelle.erp.http.Refusals}).</li>
 *   <li>Pacing: each connection's calls keep to its {@link io.passerelle.erp.http.RequestBudget} (at most
 *       {@code requestsPerMinute} in any sliding minute, shared by all its flows and exports), from
 *       {@link io.passerelle.erp.http.RequestBudgets}: the ERP's default {@code passerelle.<erp>.requests-per-minute}
 *       or the connection's option, which the module declares with {@code RequestBudgets.option}.</li>
 *   <li>Authentication ({@link io.passerelle.erp.http.HttpAuthentication}): a cookie session with sign-out, the
 *       OAuth 2.0 password grant with refresh, client credentials with a shared token cache, a bearer API key.</li>
 *   <li>Lists: a {@link io.passerelle.erp.http.RestListing} (path per flow, paging, modified-since filter, where
 *       the items are, their modification instant) makes a {@link io.passerelle.erp.http.RestSourceSession};
 *       paging by {@code $top}/{@code $skip}, {@code @odata.nextLink}, {@code Link: rel="next"} or page count.</li>
 * </ul>
 * A new ERP: its transports bean (route ids {@code <erp>-http-<connection>}, opened with the connection's budget), a {@link io.passerelle.erp.http.Refusals}
 * with its name, its authentication and its listing; see {@code erp/acumatica} ({@code AcumaticaTransports},
 * {@code AcumaticaSource#listing}).
 */
package io.passerelle.erp.http;
