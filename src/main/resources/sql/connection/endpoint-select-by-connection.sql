select connection_id, name, url, is_default from connection_endpoint where connection_id = :connectionId order by position
