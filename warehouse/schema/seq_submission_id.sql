create sequence if not exists seq_submission_id start 1;
