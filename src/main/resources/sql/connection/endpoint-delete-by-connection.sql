delete from connection_endpoint where connection_id = :connectionId
