insert into connection_link (connection_id, status, message, checked_at)
values (:connectionId, :status, :message, :checkedAt)
