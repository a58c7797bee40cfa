select connection_id, name, url, is_default from connection_endpoint order by connection_id, position
