/**
 * The connector contract: one {@link io.passerelle.erp.ErpModule} bean per ERP, in {@code erp/<name>}, declares
 * everything the ERP-neutral parts need of it, and the shared kits its connector is built from ({@code erp/http}
 * for REST ERPs).
 */
package io.passerelle.erp;
