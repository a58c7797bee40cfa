package io.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * The route a user would write with plain Camel: fetch a page, split it, one {@code sql:} statement per
 * record (camel-sql, auto-commit), until the ERP says there is no next page.
 */
final class NaiveCamelContender implements Contender {

    static final String TABLE = "bench_naive_employee";
    static final String FULL = "direct:bench-naive-full";
    static final String INCREMENTAL = "direct:bench-naive-incremental";
    static final String SINCE = "benchSince";
    static final String AFTER = "benchAfter";
    static final String MORE = "benchMore";
    static final String READ = "benchRead";

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final DataSource dataSource;
    private final BenchPages pages;
    private Instant watermark;

    NaiveCamelContender(CamelContext camel, ProducerTemplate producer, DataSource dataSource, BenchPages pages)
            throws Exception {
        this.camel = camel;
        this.producer = producer;
        this.dataSource = dataSource;
        this.pages = pages;
        camel.addRoutes(new Routes(new PageFetcher(pages)));
    }

    @Override
    public String name() {
        return "naive-camel";
    }

    @Override
    public void prepare() {
        BenchSql.createTable(dataSource, TABLE);
    }

    @Override
    public long full() {
        Exchange done = producer.request(FULL, exchange -> { });
        failOn(done);
        watermark = pages.watermark();
        return done.getProperty(READ, Long.class);
    }

    @Override
    public long incremental() {
        Exchange done = producer.request(INCREMENTAL, exchange -> exchange.setProperty(SINCE, watermark));
        failOn(done);
        return done.getProperty(READ, Long.class);
    }

    private static void failOn(Exchange done) {
        if (done.getException() != null) {
            throw new IllegalStateException("naive-camel route failed", done.getException());
        }
    }

    /** Fetches the next page into the body; what a user's bean in front of a split looks like. */
    public static final class PageFetcher {
        private final BenchPages pages;

        PageFetcher(BenchPages pages) {
            this.pages = pages;
        }

        public List<JsonNode> fetch(Exchange exchange) {
            BenchPages.Page page = pages.fetchNow(exchange.getProperty(AFTER, String.class),
                    exchange.getProperty(SINCE, Instant.class));
            exchange.setProperty(AFTER, page.next());
            exchange.setProperty(MORE, page.next() != null);
            exchange.setProperty(READ, exchange.getProperty(READ, 0L, Long.class) + page.items().size());
            return page.items();
        }

        public Map<String, Object> row(JsonNode item) {
            return EmployeeRow.params(item);
        }
    }

    private static final class Routes extends RouteBuilder {
        private final PageFetcher fetcher;

        Routes(PageFetcher fetcher) {
            this.fetcher = fetcher;
        }

        @Override
        public void configure() {
            naiveRoute(FULL, "bench-naive-full", "sql:" + BenchSql.uri("naive-insert.sql"));
            naiveRoute(INCREMENTAL, "bench-naive-incremental", "sql:" + BenchSql.uri("naive-merge.sql"));
        }

        private void naiveRoute(String from, String id, String sql) {
            from(from).routeId(id)
                    .setProperty(MORE, constant(true))
                    .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                        .bean(fetcher, "fetch")
                        .split(body())
                            .bean(fetcher, "row")
                            .to(sql)
                        .end()
                    .end();
        }
    }
}
