package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One asset of a note: first the name the coordinator predicts, then what the hop that made
 * the file found on disk, including the checksum a re-run verifies before skipping work.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public class FileEntry {
    @JsonProperty("predicted_filename")
    public String predictedFilename;
    @JsonProperty("actual_filename")
    public String actualFilename;
    @JsonProperty("path")
    public String path;
    @JsonProperty("file_exists")
    public boolean fileExists;
    @JsonProperty("file_size")
    public Long fileSize;
    @JsonProperty("sha256")
    public String sha256;
    @JsonProperty("created_at")
    public String createdAt;

    public FileEntry() {
    }

    public FileEntry(String predictedFilename) {
        this.predictedFilename = predictedFilename;
    }
}
