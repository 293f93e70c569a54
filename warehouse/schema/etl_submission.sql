create table if not exists etl_submission (
    submission_id  bigint not null primary key,
    submitter_code varchar not null,
    file_name      varchar not null,
    file_path      varchar not null,
    sha256         varchar not null,
    file_format    varchar,
    file_bytes     bigint,
    subject        varchar,
    period         varchar,
    received_at    timestamp not null,
    run_id         varchar,
    status         varchar not null,
    status_reason  varchar,
    rows_read      integer not null default 0,
    rows_loaded    integer not null default 0,
    rows_rejected  integer not null default 0,
    rows_warned    integer not null default 0,
    supersedes     bigint,
    superseded_by  bigint,
    published_at   timestamp,
    last_seen_at   timestamp,
    feedback_path  varchar
);
comment on table etl_submission is '报送台账；一行为收到的一个文件 | The ledger: one row per file received';
comment on column etl_submission.submission_id is '报送编号 | Submission id';
comment on column etl_submission.submitter_code is '报送单位区划代码（投递目录名） | Submitter region code (the drop folder name)';
comment on column etl_submission.file_name is '文件名（发布快照中身份证号、手机号已遮蔽） | File name (ID and mobile numbers masked in the published snapshot)';
comment on column etl_submission.file_path is '相对投递目录的路径（发布快照中身份证号、手机号已遮蔽） | Path relative to the drop folder (ID and mobile numbers masked in the published snapshot)';
comment on column etl_submission.sha256 is '文件内容SHA-256 | SHA-256 of the file content';
comment on column etl_submission.file_format is '识别出的格式：xlsx/xls/csv | Detected format';
comment on column etl_submission.subject is '识别出的主题 | Detected subject';
comment on column etl_submission.period is '报告期 | Reporting period(s)';
comment on column etl_submission.received_at is '首次发现时间 | When the run first saw the file';
comment on column etl_submission.status is '状态：loaded/loaded_with_warnings/rejected/superseded/duplicate | Status';
comment on column etl_submission.status_reason is '状态说明 | Why the status is what it is';
comment on column etl_submission.rows_read is '读取的源数据行数 | Source rows read';
comment on column etl_submission.rows_loaded is '入库的源数据行数 | Source rows loaded';
comment on column etl_submission.rows_rejected is '被拒绝的源数据行数 | Source rows rejected';
comment on column etl_submission.rows_warned is '带警告入库的源数据行数 | Source rows loaded with warnings';
comment on column etl_submission.supersedes is '被本报送替代的报送编号 | Submission this one replaces';
comment on column etl_submission.superseded_by is '替代本报送的报送编号 | Submission that replaced this one';
comment on column etl_submission.last_seen_at is '最近一次在投递目录中见到该文件的时间 | Last time a run saw the file';
comment on column etl_submission.feedback_path is '回执工作簿路径（相对仓库目录） | Feedback workbook, relative to the warehouse folder';
