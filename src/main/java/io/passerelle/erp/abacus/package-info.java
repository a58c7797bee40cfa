/**
 * Abacus (Swiss ERP) through its Entity API, OData v4, one mandant per connection: OAuth 2.0 client credentials of a
 * service user, employees, projects and service codes (Leistungsarten) in, clocked hours out as AbaProject project
 * bookings, exactly once. A connection is linked to its company by the AmID and the mandant, as AbaClock links one.
 * Everything HTTP (tokens, paging by next link, 429, refusals in words) is the REST kit's ({@code erp/http}); what is
 * here is what only Abacus says. The wire contract is next-erps.md §1.
 */
package io.passerelle.erp.abacus;
