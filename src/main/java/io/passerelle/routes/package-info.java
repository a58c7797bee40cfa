/**
 * The route files engineers edit (routes/&lt;erp&gt;/&lt;flow&gt;.camel.yaml, routes/schedules/*), read from beside the
 * application or from the jar, and reloaded when they change. Knows nothing of ERPs or flows.
 */
package io.passerelle.routes;
