package io.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemReader;
import org.springframework.batch.item.database.JdbcBatchItemWriter;
import org.springframework.batch.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A chunk-oriented Spring Batch job as its users write one: a reader over the connector's pages, an
 * item processor to columns, a {@link JdbcBatchItemWriter}; chunk = page size; the JDBC job repository
 * in the same database.
 */
final class SpringBatchContender implements Contender {

    static final String TABLE = "bench_batch_employee";

    private final JobRepository repository;
    private final JobLauncher launcher;
    private final PlatformTransactionManager transactions;
    private final DataSource dataSource;
    private final BenchPages pages;
    private final int chunk;
    private final AtomicLong runs = new AtomicLong();
    private Instant watermark;

    SpringBatchContender(JobRepository repository, JobLauncher launcher, PlatformTransactionManager transactions,
            DataSource dataSource, BenchPages pages, int chunk) {
        this.repository = repository;
        this.launcher = launcher;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.pages = pages;
        this.chunk = chunk;
    }

    @Override
    public String name() {
        return "spring-batch";
    }

    @Override
    public void prepare() {
        BenchSql.createTable(dataSource, TABLE);
    }

    @Override
    public long full() {
        long read = run(BenchSql.get("employee-insert.sql", TABLE), null);
        watermark = pages.watermark();
        return read;
    }

    @Override
    public long incremental() {
        return run(BenchSql.get("employee-merge.sql", TABLE), watermark);
    }

    private long run(String sql, Instant since) {
        JdbcBatchItemWriter<Map<String, Object>> writer = new JdbcBatchItemWriterBuilder<Map<String, Object>>()
                .dataSource(dataSource)
                .sql(sql)
                .itemSqlParameterSourceProvider(MapSqlParameterSource::new)
                .build();
        writer.afterPropertiesSet();
        Step step = new StepBuilder("bench-employees-step", repository)
                .<JsonNode, Map<String, Object>>chunk(chunk, transactions)
                .reader(new PageReader(pages, since))
                .processor(EmployeeRow::params)
                .writer(writer)
                .build();
        Job job = new JobBuilder("bench-employees", repository).start(step).build();
        JobParameters parameters = new JobParametersBuilder()
                .addLong("run", runs.incrementAndGet())
                .addLong("startedAt", System.nanoTime())
                .toJobParameters();
        try {
            JobExecution execution = launcher.run(job, parameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("spring-batch job " + execution.getStatus() + ": "
                        + execution.getAllFailureExceptions());
            }
            return execution.getStepExecutions().iterator().next().getReadCount();
        } catch (org.springframework.batch.core.JobExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads item by item, asking for the next page when one is used up: the usual paging reader. */
    private static final class PageReader implements ItemReader<JsonNode> {
        private final BenchPages pages;
        private final Instant since;
        private Iterator<JsonNode> current;
        private String after;
        private boolean last;

        PageReader(BenchPages pages, Instant since) {
            this.pages = pages;
            this.since = since;
        }

        @Override
        public JsonNode read() {
            while (current == null || !current.hasNext()) {
                if (last) {
                    return null;
                }
                BenchPages.Page page = pages.fetchNow(after, since);
                after = page.next();
                last = after == null;
                current = page.items().iterator();
            }
            return current.next();
        }
    }
}
