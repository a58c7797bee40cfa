package io.passerelle.routes;

/** Remakes the routes made from a template when its file changed. */
public interface RouteFileListener {

    /**
     * Called after the template {@code templateId} was replaced. Throwing refuses the new version: the previous
     * template is put back and this is called again to remake the routes from it.
     */
    void routeFileChanged(String templateId);
}
