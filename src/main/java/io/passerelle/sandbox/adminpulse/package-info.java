/**
 * An in-process AdminPulse API server for the sandbox and for tests, following {@code next-erps.md} §2: the
 * accounting office's relations (client companies with their directors, shareholders, auditor and contact persons,
 * each also a relation of its own) behind a Bearer API key with the "Read relations" scope, paged by
 * {@code page}/{@code pageSize}, filtered by {@code vatNumber}, refusals as RFC 7807 problem documents, and the
 * kit's faults. Built on {@link io.passerelle.sandbox.kit}.
 */
package io.passerelle.sandbox.adminpulse;
