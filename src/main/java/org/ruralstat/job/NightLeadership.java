package org.ruralstat.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Which of several {@code serve} instances sharing a PostgreSQL job repository runs a scheduled night. Each night
 * (the cron's fire time) is claimed once, in {@code ruralstat_night}; the runner holds a session advisory lock for
 * the whole run, so a runner that dies releases it with its connection (PostgreSQL's own lease), and the night it
 * left unfinished can be taken over by the instance that next finds the lock free. With the embedded job repository
 * (one host) every night is this instance's.
 */
final class NightLeadership {

    private static final Logger log = LoggerFactory.getLogger(NightLeadership.class);

    private final DataSource dataSource;
    private final String group;
    private final String host;
    private Boolean shared;

    NightLeadership(DataSource dataSource, String group, String host) {
        this.dataSource = dataSource;
        this.group = group;
        this.host = host;
    }

    /** A claimed night: release it when the run ends, saying whether it completed. */
    interface Claim extends AutoCloseable {
        void finished(boolean completed);

        @Override
        void close();
    }

    /**
     * The night of a scheduled trigger, claimed for this instance; empty when another instance runs it or ran it.
     *
     * @param night the cron fire time the trigger belongs to
     */
    Optional<Claim> claim(Instant night) {
        if (shared == null) {
            shared = RepositoryDatabase.isPostgres(dataSource); // asked at the first night, not when a command that never serves starts
        }
        if (!shared) {
            return Optional.of(new Claim() {
                @Override
                public void finished(boolean completed) {
                }

                @Override
                public void close() {
                }
            });
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            ensureTable(connection);
            if (!tryLock(connection)) {
                log.info("Night {}: another serve instance of group '{}' is running; this one stands by", night, group);
                connection.close();
                return Optional.empty();
            }
            if (!takeNight(connection, night)) {
                log.info("Night {}: already run by another serve instance of group '{}'", night, group);
                unlock(connection);
                connection.close();
                return Optional.empty();
            }
            log.info("Night {}: this instance ({}) runs it for group '{}'", night, host, group);
            return Optional.of(new HeldNight(connection, night));
        } catch (SQLException e) {
            log.warn("Night {}: cannot reach the job repository to claim it ({}); not running", night, e.getMessage());
            closeQuietly(connection);
            return Optional.empty();
        }
    }

    /** The cron fire time a trigger at {@code now} belongs to: the latest one not after it. */
    static Instant nightOf(CronExpression cron, ZoneId zone, Instant now) {
        ZonedDateTime at = now.atZone(zone);
        ZonedDateTime candidate = cron.next(at.minusDays(2));
        ZonedDateTime latest = candidate;
        while (candidate != null && !candidate.isAfter(at)) {
            latest = candidate;
            candidate = cron.next(candidate);
        }
        return latest == null || latest.isAfter(at) ? now : latest.toInstant();
    }

    private static void ensureTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table if not exists ruralstat_night (
                        night_group varchar(100) not null,
                        night timestamp not null,
                        host varchar(200) not null,
                        started_at timestamp not null,
                        finished_at timestamp,
                        completed boolean,
                        primary key (night_group, night)
                    )""");
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            s.setString(1, "ruralstat-night:" + group);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            s.setString(1, "ruralstat-night:" + group);
            s.execute();
        }
    }

    /** Claims the night, or takes it over when its runner died before finishing (its lock is free: we hold it). */
    private boolean takeNight(Connection connection, Instant night) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                insert into ruralstat_night (night_group, night, host, started_at) values (?, ?, ?, ?)
                on conflict (night_group, night) do update set host = excluded.host, started_at = excluded.started_at
                where ruralstat_night.finished_at is null""")) {
            s.setString(1, group);
            s.setTimestamp(2, Timestamp.from(night));
            s.setString(3, host);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            return s.executeUpdate() == 1;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone: so is its lock
            }
        }
    }

    private final class HeldNight implements Claim {
        private final Connection connection;
        private final Instant night;

        HeldNight(Connection connection, Instant night) {
            this.connection = connection;
            this.night = night;
        }

        @Override
        public void finished(boolean completed) {
            try (PreparedStatement s = connection.prepareStatement(
                    "update ruralstat_night set finished_at = ?, completed = ? where night_group = ? and night = ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setBoolean(2, completed);
                s.setString(3, group);
                s.setTimestamp(4, Timestamp.from(night));
                s.executeUpdate();
            } catch (SQLException e) {
                log.warn("Night {}: could not record its end: {}", night, e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                unlock(connection);
            } catch (SQLException e) {
                log.debug("unlocking night {}", night, e);
            }
            closeQuietly(connection);
        }
    }
}
