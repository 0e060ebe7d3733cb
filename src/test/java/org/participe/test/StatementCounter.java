package org.participe.test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application sends, per thread, by wrapping the DataSource with
 * datasource-proxy in every test context. Tests assert that a page costs a constant number.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<AtomicLong> COUNT = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> CURSORS = new ThreadLocal<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name("counted")
                    .afterQuery((execution, queries) -> {
                        AtomicLong count = COUNT.get();
                        if (count != null) {
                            count.addAndGet(queries.size());
                        }
                        List<String> cursors = CURSORS.get();
                        if (cursors != null) {
                            try {
                                var statement = execution.getStatement();
                                cursors.add("fetchSize=" + statement.getFetchSize() + " autoCommit=" + statement.getConnection().getAutoCommit());
                            } catch (SQLException e) {
                                cursors.add("unknown");
                            }
                        }
                    }).build();
        }
        return bean;
    }

    /** Runs the action and returns how many statements it sent on this thread. */
    public static long count(Runnable action) {
        return count(() -> {
            action.run();
            return null;
        }).statements();
    }

    /**
     * Runs the action and tells, for each statement it sent on this thread, its fetch size and
     * whether the connection was in auto-commit: PostgreSQL's driver streams a result in batches
     * only with a fetch size inside a transaction, otherwise it loads every row at once.
     */
    public static List<String> cursors(Runnable action) {
        List<String> cursors = new ArrayList<>();
        CURSORS.set(cursors);
        try {
            action.run();
            return cursors;
        } finally {
            CURSORS.remove();
        }
    }

    public record Counted<T>(T result, long statements) {
    }

    public static <T> Counted<T> count(Supplier<T> action) {
        AtomicLong count = new AtomicLong();
        COUNT.set(count);
        try {
            T result = action.get();
            return new Counted<>(result, count.get());
        } finally {
            COUNT.remove();
        }
    }
}
