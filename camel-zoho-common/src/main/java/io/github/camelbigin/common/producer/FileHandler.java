package io.github.camelbigin.common.producer;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.records.Attachments;

/** The files of records: attachments and photos, streamed both ways (at most 20 MB up). */
final class FileHandler implements OperationHandler {

    private final EndpointScope scope;

    FileHandler(EndpointScope scope) {
        this.scope = scope;
    }

    @Override
    public void perform(ZohoOperation op, MessageArgs in, Results out) {
        Attachments files = scope.client().attachments();
        String module = in.module();
        switch (op) {
            case attachments -> out.records(files.list(module, in.recordId(op, true), in.query()), false);
            case uploadAttachment -> out.written(files.upload(module, in.recordId(op, false), in.file(op),
                    in.writeOptions()));
            case downloadAttachment -> out.downloaded(files.download(module, in.recordId(op, false),
                    in.attachmentId(op)));
            case deleteAttachment -> out.written(files.delete(module, in.recordId(op, false), in.attachmentId(op),
                    in.writeOptions()));
            case uploadPhoto -> out.written(files.uploadPhoto(module, in.recordId(op, false), in.file(op),
                    in.writeOptions()));
            case downloadPhoto -> out.downloaded(files.downloadPhoto(module, in.recordId(op, true)));
            case deletePhoto -> out.written(files.deletePhoto(module, in.recordId(op, true), in.writeOptions()));
            default -> throw new IllegalStateException("Not a file operation: " + op);
        }
    }
}
