/**
 * An in-process 24SevenOffice server for the sandbox and for tests, following {@code next-erps.md} §3: the login
 * host's OAuth2 client-credentials token endpoint (audience, {@code login_organization}, one organization per token,
 * Auth0's refusals) and the REST API's organization information, customers paged through a {@code Link} header and
 * filtered by {@code modifiedFrom}, and {@code /me} refused to client-credentials tokens; two Norwegian organizations
 * and the applications connected to them (two for the same organization, as seed 003's two users), refusals in
 * 24SevenOffice's shape with {@code X-Trace-Id}, and the kit's faults. Built on {@link io.passerelle.sandbox.kit}.
 * (The package is spelled out: a Java package cannot start with a digit.)
 */
package io.passerelle.sandbox.sevenoffice;
