create table if not exists etl_run_file (
    run_id        varchar not null,
    file_path     varchar not null,
    sha256        varchar,
    outcome       varchar not null,
    submission_id bigint,
    seen_at       timestamp not null
);
comment on table etl_run_file is '每次运行见到的文件；一行为一次运行中的一个文件 | One file seen by one run, and what the run did with it';
comment on column etl_run_file.file_path is '相对投递目录的路径（发布快照中身份证号、手机号已遮蔽） | Path relative to the drop folder (ID and mobile numbers masked in the published snapshot)';
comment on column etl_run_file.outcome is '处理结果：new 新报送，already_loaded 已入库未重复处理，duplicate 内容重复，not_ready 文件仍在写入，skipped_link 符号链接未读取，skipped_ignored 锁文件或临时文件，skipped_not_a_submitter / skipped_unknown_submitter 目录名不是报送单位代码 | What the run did with the entry: new, already_loaded, duplicate, resumed, not_ready, or skipped_link, skipped_ignored, skipped_not_a_submitter, skipped_unknown_submitter';
