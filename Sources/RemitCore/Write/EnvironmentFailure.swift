import Foundation

/// Turns a file-system error into one plain line ("No space left on device"),
/// instead of Foundation's `NSCocoaErrorDomain Code=…` text.
public enum EnvironmentFailure {
    public static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let posix = posixCode(nsError) {
            return String(cString: strerror(posix))
        }
        if let failure = error as? SiteWriter.Failure { return failure.description }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
        case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        default: return nsError.localizedDescription
        }
    }

    /// The errno behind a Foundation error, however deeply it is wrapped.
    static func posixCode(_ error: NSError) -> Int32? {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { return posixCode(underlying) }
        return nil
    }
}
