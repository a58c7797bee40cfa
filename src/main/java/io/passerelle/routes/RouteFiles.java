package io.passerelle.routes;

import io.passerelle.run.Causes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The route files engineers edit. A file is named by its path below the routes folder, e.g.
 * {@code acumatica/projects.camel.yaml}; it is read from {@code routes/} beside the application when that folder
 * holds it, else from the packaged {@code classpath:routes/}. Each file holds one route template, registered in
 * Camel under the file's name without {@code .camel.yaml} (so that a customer's copy of a flow never clashes with
 * the packaged one, whatever id the copy kept).
 *
 * <p>Files are checked for changes every {@code passerelle.routes.reload-interval}. A changed file that parses
 * replaces its template and the {@link RouteFileListener}s remake the routes made from it; a file that does not
 * parse, or whose routes cannot be made, is refused with its name, line and reason, and the previous version goes
 * on running.
 */
@Component
public class RouteFiles implements RouteFileCheck, AutoCloseable {

    public static final String SUFFIX = ".camel.yaml";
    private static final String PACKAGED = "classpath:routes/";
    private static final Logger LOG = LoggerFactory.getLogger(RouteFiles.class);

    private final CamelContext camel;
    private final Path dir;
    private final ObjectProvider<RouteFileListener> listeners;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, RouteFileException> refused = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher;

    public RouteFiles(CamelContext camel, RouteProperties properties, ObjectProvider<RouteFileListener> listeners) {
        this.camel = camel;
        this.dir = Path.of(properties.dir()).toAbsolutePath().normalize();
        this.listeners = listeners;
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "route-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.reloadInterval().toMillis();
        watcher.scheduleWithFixedDelay(this::reloadChanged, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The packaged route file of an ERP's flow: {@code acumatica/vendors.camel.yaml}. */
    public static String flowFile(String erp, String flow) {
        return erp + "/" + flow + SUFFIX;
    }

    /** What a file's template is registered under in Camel: {@code acumatica/projects.camel.yaml} → {@code acumatica/projects}. */
    public static String templateId(String file) {
        return file.substring(0, file.length() - SUFFIX.length());
    }

    /**
     * The file's template id, loading the file the first time it is asked for.
     *
     * @throws RouteFileException when the file does not exist, does not parse or does not hold one route template
     */
    public String template(String file) {
        checkName(file);
        Loaded known = loaded.get(file);
        if (known != null) {
            return known.templateId();
        }
        synchronized (this) {
            known = loaded.get(file);
            if (known == null) {
                Source source = locate(file).orElseThrow(() -> new RouteFileException(file, null,
                        "no such route file in " + dir + " nor among the packaged ones"));
                RouteTemplateDefinition template = parse(file, source);
                register(template, null);
                known = new Loaded(template, source.fingerprint());
                loaded.put(file, known);
            }
            return known.templateId();
        }
    }

    /** Refuses, as {@link #template} would, a file that is not there or does not parse; registers nothing. */
    @Override
    public void check(String file) {
        parse(file);
    }

    /** The file as it is now, parsed but not registered: what a check of its parameters reads. */
    public RouteTemplateDefinition parse(String file) {
        checkName(file);
        Source source = locate(file).orElseThrow(() -> new RouteFileException(file, null,
                "no such route file in " + dir + " nor among the packaged ones"));
        return parse(file, source);
    }

    /** The template's parameters and their defaults, as the file states them. */
    public RouteTemplateDefinition definition(String file) {
        template(file);
        return loaded.get(file).template();
    }

    /** The {@code <flow>.camel.yaml} names in one folder ({@code avantage}), packaged and beside the application. */
    public List<String> filesIn(String folder) {
        List<String> names = new ArrayList<>();
        try {
            if (getClass().getClassLoader().getResource("routes/" + folder) == null) {
                throw new java.io.FileNotFoundException(folder); // nothing packaged: only what is beside the application
            }
            for (org.springframework.core.io.Resource packaged : new PathMatchingResourcePatternResolver()
                    .getResources(PACKAGED + folder + "/*" + SUFFIX)) {
                names.add(folder + "/" + packaged.getFilename());
            }
        } catch (java.io.FileNotFoundException e) {
            // no packaged folder of that name
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the packaged route files of " + folder, e);
        }
        Path local = dir.resolve(folder);
        if (Files.isDirectory(local)) {
            try (Stream<Path> files = Files.list(local)) {
                files.map(path -> folder + "/" + path.getFileName()).filter(name -> name.endsWith(SUFFIX))
                        .filter(name -> !names.contains(name)).forEach(names::add);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + local, e);
            }
        }
        return names;
    }

    /** One loaded file: where its running version was read from and, when its last change was refused, why. */
    public record FileStatus(String file, String templateId, String source, String refused, Integer refusedLine) {
    }

    /** Every file loaded so far, by name. */
    public List<FileStatus> status() {
        return loaded.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            RouteFileException problem = refused.get(entry.getKey());
            return new FileStatus(entry.getKey(), entry.getValue().templateId(),
                    entry.getValue().fingerprint().startsWith(PACKAGED) ? "packaged" : "file",
                    problem == null ? null : problem.getMessage(), problem == null ? null : problem.line());
        }).toList();
    }

    /** Checks every loaded file once; the watcher calls it, and tests may call it to not wait for the interval. */
    public synchronized void reloadChanged() {
        for (Map.Entry<String, Loaded> entry : loaded.entrySet()) {
            String file = entry.getKey();
            try {
                Optional<Source> source = locate(file);
                if (source.isEmpty() || source.get().fingerprint().equals(entry.getValue().fingerprint())) {
                    continue;
                }
                reload(file, entry.getValue(), source.get());
            } catch (RuntimeException e) {
                LOG.error("route file {}: the check for changes failed: {}", file, e.getMessage());
            }
        }
    }

    private void reload(String file, Loaded previous, Source source) {
        RouteTemplateDefinition template;
        try {
            template = parse(file, source);
        } catch (RouteFileException e) {
            refuse(file, previous, source, e);
            return;
        }
        register(template, previous.template());
        loaded.put(file, new Loaded(template, source.fingerprint()));
        try {
            listeners.orderedStream().forEach(listener -> listener.routeFileChanged(previous.templateId()));
        } catch (RuntimeException e) {
            // the new version parsed, but a route could not be made from it: put the previous one back everywhere
            register(previous.template(), template);
            loaded.put(file, previous);
            listeners.orderedStream().forEach(listener -> listener.routeFileChanged(previous.templateId()));
            refuse(file, previous, source, new RouteFileException(file, null, "its routes cannot be made: "
                    + Causes.rootMessage(e)));
            return;
        }
        refused.remove(file);
        LOG.info("route file {}: reloaded from {}", file, source.location());
    }

    /** Remembers the refused version's fingerprint, so that it is refused once, not at every check. */
    private void refuse(String file, Loaded previous, Source source, RouteFileException reason) {
        loaded.put(file, new Loaded(previous.template(), source.fingerprint()));
        refused.put(file, reason);
        LOG.error("route file refused, the previous version goes on running: {}", reason.getMessage());
    }

    private void register(RouteTemplateDefinition template, RouteTemplateDefinition replaced) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        synchronized (model) {
            try {
                if (replaced != null) {
                    model.removeRouteTemplateDefinition(replaced);
                }
                model.addRouteTemplateDefinition(template);
            } catch (Exception e) {
                throw new IllegalStateException("cannot register route template " + template.getId(), e);
            }
        }
    }

    private RouteTemplateDefinition parse(String file, Source source) {
        List<RouteTemplateDefinition> templates;
        int routes;
        try {
            Resource resource = ResourceHelper.fromBytes(source.location(), source.read());
            RoutesBuilder builder = PluginHelper.getRoutesLoader(camel).getRoutesLoader("yaml").loadRoutesBuilder(resource);
            if (!(builder instanceof RouteBuilder routeBuilder)) {
                throw new RouteFileException(file, null, "is not a YAML route file");
            }
            routes = routeBuilder.configureRoutes(camel).getRoutes().size();
            templates = routeBuilder.getRouteTemplateCollection().getRouteTemplates();
        } catch (RouteFileException e) {
            throw e;
        } catch (Exception e) {
            throw describe(file, e);
        }
        if (templates.size() != 1 || routes != 0) {
            throw new RouteFileException(file, null, "must hold exactly one routeTemplate and no route; it holds "
                    + templates.size() + " template(s) and " + routes + " route(s)");
        }
        RouteTemplateDefinition template = templates.get(0);
        template.setId(templateId(file));
        return template;
    }

    /** The parser's own words and line, without its stack. */
    static RouteFileException describe(String file, Throwable failure) {
        return Causes.find(failure, MarkedYamlEngineException.class).map(marked -> new RouteFileException(file,
                marked.getProblemMark().map(mark -> mark.getLine() + 1).orElse(null),
                marked.getProblem() == null ? firstLine(marked.getMessage()) : marked.getProblem()))
                .orElseGet(() -> new RouteFileException(file, null, Causes.rootMessage(failure)));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** Route files are named below the routes folder; nothing may reach outside it. */
    private static void checkName(String file) {
        if (file == null || !file.endsWith(SUFFIX) || file.startsWith("/") || file.contains("\\")
                || Path.of(file).normalize().startsWith("..") || file.contains("/../")) {
            throw new RouteFileException(String.valueOf(file), null,
                    "a route file is named by its path below the routes folder and ends in " + SUFFIX
                            + ", e.g. acumatica/vendors.camel.yaml");
        }
    }

    private Optional<Source> locate(String file) {
        Path local = dir.resolve(file).normalize();
        if (local.startsWith(dir) && Files.isRegularFile(local)) {
            return Optional.of(new FileSource(local));
        }
        String location = PACKAGED + file;
        return getClass().getClassLoader().getResource("routes/" + file) == null ? Optional.empty()
                : Optional.of(new PackagedSource(location, file));
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    private record Loaded(RouteTemplateDefinition template, String fingerprint) {
        String templateId() {
            return template.getId();
        }
    }

    private interface Source {
        String location();

        /** Changes when the file does: where it is read from, when it was written and how long it is. */
        String fingerprint();

        byte[] read();
    }

    private record FileSource(Path path) implements Source {
        @Override
        public String location() {
            return "file:" + path;
        }

        @Override
        public String fingerprint() {
            try {
                return location() + "@" + Files.getLastModifiedTime(path).toMillis() + "/" + Files.size(path);
            } catch (IOException e) {
                return location() + "@unreadable";
            }
        }

        @Override
        public byte[] read() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new RouteFileException(path.getFileName().toString(), null, "cannot be read: " + e.getMessage());
            }
        }
    }

    private record PackagedSource(String location, String file) implements Source {
        @Override
        public String fingerprint() {
            return location;
        }

        @Override
        public byte[] read() {
            try (InputStream in = RouteFiles.class.getClassLoader().getResourceAsStream("routes/" + file)) {
                if (in == null) {
                    throw new RouteFileException(file, null, "is no longer packaged");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new RouteFileException(file, null, "cannot be read: " + e.getMessage());
            }
        }
    }
}
