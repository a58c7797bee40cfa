delete from passerelle_instance where id = :id
