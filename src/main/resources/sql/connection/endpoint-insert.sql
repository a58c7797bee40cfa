insert into connection_endpoint (connection_id, name, url, is_default, position)
values (:connectionId, :name, :url, :isDefault, :position)
