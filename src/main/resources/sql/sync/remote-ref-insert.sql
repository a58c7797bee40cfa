insert into remote_ref (connection_id, company_id, entity, match_key, remote_key, local_id, content_hash,
                        remote_modified_at, last_seen_at, custom_fields)
values (:connectionId, :companyId, :entity, :matchKey, :remoteKey, :localId, :contentHash, :remoteModifiedAt, :now,
        :customFields)
