/**
 * AdminPulse (Belgian practice-management software) through its REST API and an API token with the "Read
 * relations" scope: an accounting office's client companies in, each with its directors, shareholders and auditors,
 * as platform companies and their relations. Paging, 429s and refusals are the REST kit's ({@code erp/http}); the
 * wire contract is next-erps.md §2.
 */
package io.passerelle.erp.adminpulse;
