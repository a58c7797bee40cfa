/**
 * An in-process Abacus Entity API (OData v4) server for the sandbox and for tests, following
 * {@code next-erps.md} §1: the OAuth2 client-credentials token endpoint with scopes, the mandant path, server-driven
 * paging through {@code @odata.nextLink}, {@code $filter} on indexed properties only, project bookings with a
 * client-supplied {@code Id} (409 on a repeat, 400 with one detail per fault), and the kit's faults.
 * Built on {@link io.passerelle.sandbox.kit}.
 */
package io.passerelle.sandbox.abacus;
