update remote_ref
   set remote_key = :remoteKey,
       local_id = :localId,
       content_hash = :contentHash,
       remote_modified_at = :remoteModifiedAt,
       last_seen_at = :now,
       custom_fields = :customFields
 where connection_id = :connectionId
   and company_id = :companyId
   and entity = :entity
   and match_key = :matchKey
